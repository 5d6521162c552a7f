// The ChildLinkMatching module. See STYLE.md for its responsibilities.
