export interface SystemCheck {
  readonly package: string;
  present(): boolean;
  readonly usedFor: string;
}
export declare function systemChecks(chromium: string): SystemCheck[];
export declare function ensureSystemPackages(chromium: string, log?: (line: string) => void): SystemCheck[];
