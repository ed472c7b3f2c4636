export declare const WEB_HEAP_MB: number;
export declare const WEB_SEMI_SPACE_MB: number;
export declare const WEB_MALLOC_ARENAS: string;
/** The Node.js flags of Vigil's web server: a heap budget and a young generation's size, unless NODE_OPTIONS sets its own. */
export declare function webServerNodeArgs(nodeOptions?: string): string[];
/** The web server's environment: the one given, with MALLOC_ARENA_MAX unless it sets its own. */
export declare function webServerEnv<E extends Record<string, string | undefined>>(environment?: E): E & { MALLOC_ARENA_MAX: string };
