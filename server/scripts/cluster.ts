// `npm run cluster`: PostgreSQL (throwaway unless DATABASE_URL is set), redis-server, three nodes and nginx
// on this machine; prints the one URL to open. Ctrl+C stops and removes everything.
import { startLocalCluster } from '../src/throwaway/localCluster';

const cluster = await startLocalCluster({
  nodes: Number(process.env.DRAWCAST_CLUSTER_NODES ?? 3),
  ...(process.env.DATABASE_URL && { databaseUrl: process.env.DATABASE_URL }),
  durable: true,
});
process.stdout.write(
  [
    '',
    `Drawcast cluster: ${cluster.nodes.length} nodes (${cluster.nodes.map((n) => n.port).join(', ')}) behind nginx`,
    `  PostgreSQL: ${cluster.databaseUrl}`,
    `  Redis:      ${cluster.redis.url}`,
    '',
    `  Open:          ${cluster.url}/`,
    `  Stage screen:  ${cluster.url}/stage`,
    `  Host console:  ${cluster.url}/host`,
    `  Host token:    ${cluster.hostToken}`,
    '',
    'Ctrl+C stops everything and removes the throwaway data.',
    '',
  ].join('\n'),
);
let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  void cluster.stop().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
