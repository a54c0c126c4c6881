// What the setup scripts share: running a command (stopping on failure), asking
// whether a command exists, and installing Debian packages with apt-get when this
// machine can (root, or sudo). Only Node built-ins: nothing else is installed yet.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const who = basename(process.argv[1] ?? 'setup').replace(/\.mjs$/, '');
export const say = (m) => process.stderr.write(`${who}: ${m}\n`);

export function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', cwd: root, ...opts });
  if (r.status !== 0) {
    say(`\`${cmd} ${args.join(' ')}\` failed (exit ${r.status ?? r.signal}).`);
    process.exit(1);
  }
}

export function has(cmd) {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
}

const isRoot = process.getuid?.() === 0;
const apt = process.platform === 'linux' && existsSync('/etc/debian_version') && has('apt-get');
const canApt = apt && (isRoot || has('sudo'));
const aptEnv = { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } };
const aptGet = (args) => (isRoot ? run('apt-get', args, aptEnv) : run('sudo', ['apt-get', ...args], aptEnv));
let aptUpdated = false;

/** apt-get install the packages; false when this machine cannot. */
export function aptInstall(pkgs) {
  if (!canApt) return false;
  if (!aptUpdated) {
    say('apt-get update…');
    aptGet(['update', '-q']);
    aptUpdated = true;
  }
  say(`apt-get install -y ${pkgs.join(' ')}…`);
  aptGet(['install', '-y', '-q', '--no-install-recommends', ...pkgs]);
  return true;
}
