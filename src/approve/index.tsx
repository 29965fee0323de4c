// The approver's page at /approve/<id> (docs/approval.md, "Approver's page").
import { createRoot } from 'react-dom/client';
import { pickLocale } from '../i18n/locale.js';
import { App } from './App.js';
import { pageTokenSource } from './page-token.js';
import { requestIdOf } from './request-id.js';

const container = document.getElementById('root');
const origin = window.location.origin;
const source = { origin, id: requestIdOf(window.location.pathname), token: pageTokenSource(origin) };
if (container !== null) createRoot(container).render(<App source={source} locale={pickLocale(navigator.language)} />);
