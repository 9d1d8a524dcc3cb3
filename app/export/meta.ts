// What the interchange formats (TMX, XLIFF) say about who wrote them.
import pkg from "../../package.json";

export const CREATION_TOOL = "Dari";
export const CREATION_TOOL_VERSION: string = pkg.version;
/** Project fields carried in the interchange headers, so an import gets them back. */
export const META_FIELDS = ["title", "source", "author", "date", "created"] as const;
