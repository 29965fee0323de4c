# Preflight's server as a container image: plain HTTP on port 8080, for a platform or proxy that
# terminates TLS in front of it (docs/deploy.md). Docker is not needed to check these steps:
# test/scripts/container.test.ts parses this file and runs the runtime stage's command path.

# 1. Build the server (build/) and the add-in bundles (dist/). The dev dependencies are needed here;
#    their install scripts are not, since nothing native runs during the build.
FROM node:22-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY . .
RUN npm run build

# 2. The runtime dependencies only. better-sqlite3 is native: its install script downloads a prebuilt
#    binary or, where none matches, compiles one; the toolchain for that stays out of the runtime image.
FROM node:22-bookworm-slim AS prod-deps
WORKDIR /app
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund

# 3. What runs. The files belong to root and are read-only to the server's user; only /data is its own.
FROM node:22-bookworm-slim AS runtime
ENV HOST=0.0.0.0 \
    PORT=8080 \
    PREFLIGHT_TLS=off \
    PREFLIGHT_DATA=/data
WORKDIR /app
# package.json says "type": "module", which build/**/*.js needs to load.
COPY package.json ./
COPY --from=prod-deps /app/node_modules ./node_modules
COPY --from=build /app/build ./build
COPY --from=build /app/dist ./dist
COPY assets ./assets
COPY config ./config
COPY manifest.xml ./
COPY scripts/healthcheck.js ./scripts/healthcheck.js
RUN mkdir -p /data && chown node:node /data
VOLUME ["/data"]
# The node user (uid 1000) comes with the official Node.js images.
USER node
EXPOSE 8080
# The slim image has no curl: Node asks /healthz, which answers 200 whenever the server serves.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 CMD ["node", "scripts/healthcheck.js"]
CMD ["node", "build/server/main.js"]
