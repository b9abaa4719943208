// Types of scripts/layers.mjs, for the test that checks the table.
export declare const LAYERS: Record<string, [job: string, imports: string[]]>;
export declare function restrictedZones(): { target: string; from: string; message: string }[];
