// Types of scripts/start.mjs for the tests that import it.
export declare const DOWNLOAD_NODE: string;
export declare function nodeAtLeast(version: string, min: string): boolean;
export declare function electronNeedsDownload(electronDir: string, env: NodeJS.ProcessEnv): boolean;
export declare function downloadReason(stderr: string): string;
export declare function resolveElectron(options: {
  root: string;
  env: NodeJS.ProcessEnv;
  nodeVersion: string;
  onDownload?: (version: string) => void;
}): { path: string } | { problem: string };
