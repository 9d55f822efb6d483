// The options of the bootstrap's optional terraform phase (--terraform and its flags).
export interface TerraformOptions {
  enabled: boolean;
  dir: string;
  backend: 'local' | 's3' | 'gcs';
  backendConfig: Record<string, string>;
  /** -var values; may hold secrets, so never checkpointed or published as they are. */
  vars: Record<string, string>;
}
