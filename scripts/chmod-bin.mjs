// Makes the built CLI executable (npm links bin files as they are).
import { chmodSync } from 'node:fs';
chmodSync(new URL('../dist/cli.js', import.meta.url), 0o755);
