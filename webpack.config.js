// Two builds. The send handler is one self-contained ES2016 script with no webpack runtime, because
// classic Outlook on Windows runs it in a JavaScript-only runtime
// (https://learn.microsoft.com/office/dev/add-ins/testing/runtimes; docs/architecture.md).
// The review pane, the approver's page, the admin console and the playground are ordinary browser bundles.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import HtmlWebpackPlugin from 'html-webpack-plugin';
import { nullishChecksTransformer } from './scripts/nullish-checks-transformer.js';
import { ThirdPartyNoticesPlugin } from './scripts/third-party-notices.js';

const root = dirname(fileURLToPath(import.meta.url));
const dist = resolve(root, 'dist');
const OFFICE_JS_CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
// dist/third-party-notices.txt, for both builds together.
const notices = new ThirdPartyNoticesPlugin(root, dist);

const resolveTs = {
  extensions: ['.ts', '.tsx', '.js'],
  extensionAlias: { '.js': ['.ts', '.tsx', '.js'] },
};

function tsRule(configFile, target, { sourceMap = false, importHelpers = false, after = [] } = {}) {
  return {
    test: /\.tsx?$/,
    exclude: /node_modules/,
    use: {
      loader: 'ts-loader',
      options: {
        configFile,
        transpileOnly: true,
        compilerOptions: { target, noEmit: false, sourceMap, importHelpers },
        getCustomTransformers: () => ({ after }),
      },
    },
  };
}

const handler = {
  name: 'handler',
  target: ['web', 'es2016'],
  entry: { launchevent: './src/launchevent/launchevent.ts' },
  output: { path: dist, filename: '[name].js', iife: true, clean: false },
  // CommonJS packages would pull in webpack's require() runtime; use ES-module builds instead.
  resolve: {
    ...resolveTs,
    alias: {
      'punycode/punycode.js$': resolve(root, 'node_modules/punycode/punycode.es6.js'),
      // TypeScript's async and object-rest helpers, once for the bundle rather than once per module.
      tslib$: resolve(root, 'src/launchevent/ts-helpers.ts'),
    },
  },
  module: {
    rules: [
      // `??` and `?.` as ES2016 writes them, with one loose test of null where TypeScript writes two.
      tsRule('tsconfig.handler.json', 'ES2016', { sourceMap: true, importHelpers: true, after: [nullishChecksTransformer] }),
      // The findings' and handler's string tables, compressed and unpacked on first use.
      { test: /src[\\/]i18n[\\/]handler-tables\.ts$/, enforce: 'pre', use: resolve(root, 'scripts/compressed-tables-loader.js') },
    ],
    // Naming anonymous default exports (tldts) would add a runtime helper; nothing reads those names. A
    // missing export is an error, so that a helper src/launchevent/ts-helpers.ts lacks fails the build.
    parser: { javascript: { anonymousDefaultExportName: false, exportsPresence: 'error' } },
  },
  // Minified: classic Outlook loads and parses this file at every activation. The map beside it turns
  // a stack trace from the runtime log back into source lines (docs/architecture.md, "The handler bundle").
  optimization: { concatenateModules: true, splitChunks: false, runtimeChunk: false, minimize: true },
  devtool: 'source-map',
  performance: { hints: false },
  plugins: [
    notices,
    new HtmlWebpackPlugin({
      filename: 'launchevent.html',
      template: './src/launchevent/launchevent.html',
      inject: false,
      templateParameters: { officeJs: OFFICE_JS_CDN },
    }),
  ],
};

const web = {
  name: 'web',
  target: ['web', 'es2020'],
  entry: {
    taskpane: './src/taskpane/index.tsx',
    approve: './src/approve/index.tsx',
    admin: './src/admin/index.tsx',
    playground: './src/playground/index.tsx',
    'playground-office-frame': './src/playground/office-frame.ts',
    'inspection-lab': './src/browser-inspect/inspection-lab.ts',
  },
  output: { path: dist, filename: '[name].js', clean: false },
  resolve: resolveTs,
  module: { rules: [tsRule('tsconfig.web.json', 'ES2020')] },
  devtool: false,
  performance: { hints: false },
  plugins: [
    notices,
    new HtmlWebpackPlugin({
      filename: 'taskpane.html',
      template: './src/taskpane/taskpane.html',
      chunks: ['taskpane'],
      templateParameters: { officeJs: OFFICE_JS_CDN },
    }),
    // Served for every /approve/<id> (src/server/routes/approve-page.ts), so its script path is absolute.
    new HtmlWebpackPlugin({
      filename: 'approve.html',
      template: './src/taskpane/taskpane.html',
      chunks: ['approve'],
      publicPath: '/',
      templateParameters: { officeJs: '' },
    }),
    // Served for /admin/ and every page under it (src/server/routes/built-pages.ts), so its script path is absolute.
    new HtmlWebpackPlugin({
      filename: 'admin.html',
      template: './src/taskpane/taskpane.html',
      chunks: ['admin'],
      publicPath: '/',
      templateParameters: { officeJs: '' },
    }),
    new HtmlWebpackPlugin({
      filename: 'playground/taskpane.html',
      template: './src/taskpane/taskpane.html',
      chunks: ['playground-office-frame', 'taskpane'],
      chunksSortMode: 'manual',
      publicPath: '/',
      templateParameters: { officeJs: '' },
    }),
    // The pane's inspection, in its worker and on the page, for the browser tests and the bench.
    new HtmlWebpackPlugin({
      filename: 'playground/inspection.html',
      template: './src/taskpane/taskpane.html',
      chunks: ['inspection-lab'],
      publicPath: '/',
      templateParameters: { officeJs: '' },
    }),
    new HtmlWebpackPlugin({
      filename: 'playground/index.html',
      template: './src/playground/index.html',
      chunks: ['playground'],
      publicPath: '/',
    }),
    // The playground's event runtime: the emulated Office, then the server's /launchevent.js, both as
    // blocking scripts in this order (the template writes the tags; injected ones would be deferred).
    new HtmlWebpackPlugin({
      filename: 'playground/launchevent.html',
      template: './src/playground/launchevent.html',
      chunks: ['playground-office-frame'],
      inject: false,
      publicPath: '/',
    }),
  ],
};

export default [handler, web];
