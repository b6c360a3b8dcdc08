// Scripts of the GitBook blocks; each part does nothing on a page without its block.
