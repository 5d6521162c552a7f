// The ChildLinkMatching module: normalisation, blocking, comparisons, the Fellegi–Sunter model,
// guarded clustering and explanations. Pure: it takes records and returns values, with no I/O.
// Entry point: `Linker(options:).link(_:)`.
