import { config as loadDotenv } from 'dotenv';
import { AppConfig, ConfigError, loadConfig } from './app-config';

/** Entry points: read `.env` (if any) and the environment; a bad value ends the process with one line naming it. */
export function loadConfigOrExit(): AppConfig {
  loadDotenv({ quiet: true });
  try {
    return loadConfig(process.env, { terminal: process.stdout.isTTY === true });
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
}
