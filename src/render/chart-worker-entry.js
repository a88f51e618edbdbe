// Worker threads start without the parent's tsx hooks (bin/lagesbild.js registers them through the
// API, and vitest runs its own loader), so the worker registers tsx itself before loading its body.
import { register } from "tsx/esm/api";

register();
await import("./chart-worker.ts");
