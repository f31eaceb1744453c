/** The exit prompt's bridge to the main process: two calls, nothing else of Electron. */
import { contextBridge, ipcRenderer } from 'electron';
import { EXIT_CANCEL_CHANNEL, EXIT_SUBMIT_CHANNEL } from './ipc-channels.ts';

contextBridge.exposeInMainWorld('khiuExit', {
  submit: (username: string, password: string): Promise<unknown> =>
    ipcRenderer.invoke(EXIT_SUBMIT_CHANNEL, String(username), String(password)),
  cancel: (): void => ipcRenderer.send(EXIT_CANCEL_CHANNEL),
});
