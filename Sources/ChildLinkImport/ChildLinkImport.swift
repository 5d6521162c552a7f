// The ChildLinkImport module. See STYLE.md for its responsibilities.
