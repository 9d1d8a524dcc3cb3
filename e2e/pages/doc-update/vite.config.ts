// Builds the page of e2e/doc-update.e2e.ts to out/e2e-doc-update (the test does).
import { pageConfig } from "../../../scripts/page-config";

export default pageConfig(new URL(".", import.meta.url), "e2e-doc-update", { minify: false });
