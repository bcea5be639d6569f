/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** Set to "false" to hide the demo-accounts hint on the login page (non-demo deployments). */
  readonly VITE_SHOW_DEMO_ACCOUNTS?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
