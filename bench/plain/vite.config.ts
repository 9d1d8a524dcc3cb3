// Builds the plain-ProseMirror baseline page to out/bench-plain (npm run bench does).
import { pageConfig } from "../../scripts/page-config";

export default pageConfig(new URL(".", import.meta.url), "bench-plain");
