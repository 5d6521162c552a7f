// The ChildLinkReports module. See STYLE.md for its responsibilities.
