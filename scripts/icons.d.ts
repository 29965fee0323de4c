export declare const ICON_SIZES: readonly number[];
export declare function iconPng(size: number): Buffer;
