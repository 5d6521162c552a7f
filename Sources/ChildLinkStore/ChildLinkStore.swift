// The ChildLinkStore module. See STYLE.md for its responsibilities.
