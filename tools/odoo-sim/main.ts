import { startOdooSim, type OdooSimOptions } from './index';

const USAGE = `usage: npm run odoo-sim -- [--port 8069] [--host 127.0.0.1] [--seed 42] [--nodes 10] [--skus 2000]
                           [--odoo-version 17|18] [--tz Europe/Amsterdam] [--day-zero YYYY-MM-DD]
                           [--data FILE] [--database NAME] [--admin-token TOKEN]`;

function integer(flag: string, value: string | undefined): number {
  if (value === undefined || !/^-?\d+$/.test(value)) throw new Error(`${flag} needs a whole number, got ${value === undefined ? 'nothing' : JSON.stringify(value)}`);
  return Number(value);
}

function parseArgs(argv: string[]): OdooSimOptions {
  const options: OdooSimOptions = {};
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i] ?? '';
    const value = argv[i + 1];
    const take = (): string => {
      if (value === undefined || value.startsWith('--')) throw new Error(`${flag} needs a value`);
      i++;
      return value;
    };
    switch (flag) {
      case '--port':
        options.port = integer(flag, take());
        break;
      case '--host':
        options.host = take();
        break;
      case '--seed':
        options.seed = integer(flag, take());
        break;
      case '--nodes':
        options.nodes = integer(flag, take());
        break;
      case '--skus':
        options.skus = integer(flag, take());
        break;
      case '--odoo-version': {
        const version = integer(flag, take());
        if (version !== 17 && version !== 18) throw new Error(`--odoo-version must be 17 or 18, got ${version}`);
        options.odooVersion = version;
        break;
      }
      case '--tz':
        options.tz = take();
        break;
      case '--day-zero':
        options.dayZero = take();
        break;
      case '--data':
        options.dataFile = take();
        break;
      case '--database':
        options.databaseName = take();
        break;
      case '--admin-token':
        options.adminToken = take();
        break;
      case '--help':
      case '-h':
        console.log(USAGE);
        process.exit(0);
        break;
      default:
        throw new Error(`unknown option ${flag}`);
    }
  }
  return options;
}

async function main(): Promise<void> {
  let options: OdooSimOptions;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (error) {
    console.error(`odoo-sim: ${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    process.exit(2);
  }
  const started = Date.now();
  const sim = await startOdooSim({ port: 8069, ...options });
  console.log(`odoo-sim: Odoo ${sim.version}.0 stand-in ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  console.log(`url: ${sim.url}`);
  console.log(`database: ${sim.database}`);
  for (const user of sim.users) console.log(`user ${user.login} password=${user.password} api_key=${user.apiKey}`);
  console.log(`admin-token: ${sim.adminToken} (POST ${sim.url}${sim.controlPath} with header X-Odoo-Sim-Token)`);
  const stop = (): void => {
    void sim.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`odoo-sim: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
