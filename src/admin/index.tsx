// The admin console at /admin/ (docs/admin.md, "Console").
import { createRoot } from 'react-dom/client';
import { pickLocale } from '../i18n/locale.js';
import { adminTokenSource } from './admin-token.js';
import { App } from './App.js';

const container = document.getElementById('root');
const origin = window.location.origin;
if (container !== null)
  createRoot(container).render(<App source={{ origin, token: adminTokenSource(origin) }} locale={pickLocale(navigator.language)} />);
