/** A response that cannot be trusted whole: it stores nothing and the cursor stays where it was. */
export class PageRejected extends Error {}
