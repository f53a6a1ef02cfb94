export declare function basePathFrom(value?: string): string;
export declare function outDirFrom(value?: string): string;
export declare function contentDirFrom(value?: string): string;
