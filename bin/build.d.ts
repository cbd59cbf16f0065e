export declare const ROOT: string;
/** Whether `root`/dist holds the build of the sources as they are now. */
export declare function isCurrent(root?: string): boolean;
/** Compiles `root`'s sources into `root`/dist. */
export declare function build(root?: string): Promise<void>;
/** Builds dist/ unless it is current; false when it cannot be built. */
export declare function ensureBuilt(root?: string): Promise<boolean>;
