// The ChildLinkSample module. See STYLE.md for its responsibilities.
