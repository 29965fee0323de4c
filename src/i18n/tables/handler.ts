const en = {
} as const;

export const HANDLER_STRINGS: { readonly en: typeof en; readonly ja: Record<keyof typeof en, string> } = {
  en,
  ja: {
  },
};
