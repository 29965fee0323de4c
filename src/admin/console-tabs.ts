// The console's pages live at their own addresses under /admin/, so a reload or a shared link opens the
// same page; the server serves the one built file for all of them (src/server/routes/built-pages.ts).
export const CONSOLE_TABS = ['audit', 'stats', 'policy'] as const;
export type ConsoleTab = (typeof CONSOLE_TABS)[number];

const PATHS: Readonly<Record<ConsoleTab, string>> = { audit: '/admin/', stats: '/admin/statistics', policy: '/admin/policy' };

export function tabOf(pathname: string): ConsoleTab {
  const path = pathname.replace(/\/+$/, '');
  if (path === '/admin/statistics') return 'stats';
  if (path === '/admin/policy') return 'policy';
  return 'audit';
}

export function pathOf(tab: ConsoleTab): string {
  return PATHS[tab];
}
