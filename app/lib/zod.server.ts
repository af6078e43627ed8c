/**
 * Route modules import zod from here, not from "zod": a *.server module is an empty module in
 * the browser build, so zod (≈ 450 KB) stays out of the pages' JavaScript. Schemas in route
 * modules must therefore be used only by loaders and actions (declare them as functions).
 */
export { z } from "zod";
