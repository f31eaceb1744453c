/**
 * The device agent, when devices are plugged in here (the shell, or the browser fallback).
 * One that cannot start (its config file missing or wrong) is logged and the windows open
 * without it: a kiosk without its printer still shows the queue and each ticket's QR, which
 * beats a black screen, and the agent's config is fixed from a staff PC.
 */
export async function startAgent(
  agentConfig: string | undefined,
  log: (line: string) => void,
): Promise<{ stop(): Promise<void> } | undefined> {
  if (!agentConfig) return undefined;
  try {
    const { startAgentFromFile } = await import('../hardware/agent/start-agent.ts');
    return await startAgentFromFile(agentConfig, log);
  } catch (error) {
    log(
      `the device agent did not start: ${error instanceof Error ? error.message : String(error)}`,
    );
    return undefined;
  }
}
