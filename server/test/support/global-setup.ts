// Says once, at the start of the run, which real databases the suite will use, and refuses to skip MySQL in CI.
export default function setup(): void {
  const mysqlUrl = process.env.MYSQL_URL;
  if (!mysqlUrl) {
    if (process.env.CI === 'true') {
      throw new Error('CI=true but MYSQL_URL is not set: the MySQL suite may not be skipped in CI.');
    }
    console.warn('\n[passerelle] MYSQL_URL is not set: SKIPPING the MySQL/MariaDB suite (SQLite only).\n');
  }
}
