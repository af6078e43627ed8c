// Adds the reference data and the demo accounts to the database named by DATABASE_URL.
import { bootstrap } from "../app/bootstrap.server";
import { seedDemoAccounts } from "../app/seed/demo/accounts.server";

await bootstrap();
await seedDemoAccounts();
console.log("Demo accounts ready (password: see README).");
