# One image for api, worker and the migrate job: Node runs the TypeScript through tsx, the web
# dashboard is built into apps/web/dist and served by the API.
FROM node:20-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY apps/api/package.json apps/api/
COPY apps/worker/package.json apps/worker/
COPY apps/web/package.json apps/web/
COPY apps/cli/package.json apps/cli/
COPY apps/simulator/package.json apps/simulator/
COPY packages/core/package.json packages/core/
COPY packages/db/package.json packages/db/
COPY packages/connectors/package.json packages/connectors/
RUN npm ci
COPY . .
RUN npm run build

FROM node:20-slim
WORKDIR /app
ENV NODE_ENV=production
COPY --from=build /app /app
USER node
EXPOSE 3000
# node --import tsx (not npx): the service is PID 1's direct child and receives SIGTERM.
CMD ["node", "--import", "tsx", "apps/api/src/server.ts"]
