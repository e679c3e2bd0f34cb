// adaptivecards-templating's typings import `adaptivecards/src/schema`, which resolves to the
// SDK's TypeScript sources (not its published .d.ts) and does not compile under this project's
// settings. tsconfig "paths" points that one import here; the renderer only needs the shape.
export type IAdaptiveCard = Record<string, unknown>;
