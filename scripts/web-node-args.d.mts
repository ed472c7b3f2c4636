export declare const WEB_HEAP_MB: number;
/** The Node.js flags of Vigil's web server: a heap budget unless NODE_OPTIONS sets its own. */
export declare function webServerNodeArgs(nodeOptions?: string): string[];
