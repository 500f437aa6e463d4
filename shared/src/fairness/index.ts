// drawcast-v1 engine, odds and proof verification (filled in by the foundation issue).
export {};
