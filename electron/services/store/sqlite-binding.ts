/**
 * Which compiled better-sqlite3 to load. Unset: the one in node_modules (Node, tests, packaged
 * builds). `npm start` with Electron sets PLANNER_SQLITE_BINDING to a copy built for Electron's ABI.
 */
export function sqliteBindingOption(): { nativeBinding?: string } {
  const binding = process.env.PLANNER_SQLITE_BINDING;
  return binding ? { nativeBinding: binding } : {};
}
