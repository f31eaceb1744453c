import { DeviceAgent } from './device-agent.ts';
import { loadStationConfig } from './station-config.ts';

/**
 * The entry Electron's main process uses (electron/main.ts): read a station
 * config file, start its agent. Errors in the file throw here, before any
 * window opens, with the field's path in the message.
 */
export async function startAgentFromFile(
  file: string,
  log: (line: string) => void,
): Promise<DeviceAgent> {
  const agent = new DeviceAgent({ config: loadStationConfig(file), log });
  agent.start();
  return agent;
}
