/**
 * The action, top to bottom: inputs → run context → GitHub and pull request → the mode. `upload`
 * finds the files, resolves credentials and an honest link lifetime, uploads, presigns and
 * publishes (outputs, job summary, pull-request comment); `refresh` re-signs links of objects
 * already in the bucket; `cleanup` deletes them and marks the comment.
 */
import * as core from '@actions/core';
import { currentRun, readEnv } from './config/context.js';
import { getInputs, Mode } from './config/inputs.js';
import { ModeRun, setup } from './steps/setup.js';
import { errorMessage } from './util/log.js';

/** Each mode's module, loaded when chosen. */
const modes: Record<Mode, () => Promise<ModeRun>> = {
  upload: async () => (await import('./modes/upload.js')).upload,
  refresh: async () => (await import('./modes/refresh.js')).refresh,
  cleanup: async () => (await import('./modes/cleanup.js')).cleanup,
};

export async function run(): Promise<void> {
  try {
    const env = readEnv();
    const inputs = getInputs(undefined, env);
    const mode = modes[inputs.mode](); // loaded while setup waits for GitHub
    mode.catch(() => undefined); // awaited below; setup may fail first
    const deps = await setup(inputs, currentRun(inputs.prNumber), env);
    const runMode = await mode;
    await runMode(deps);
  } catch (error) {
    core.setFailed(errorMessage(error));
  }
}
