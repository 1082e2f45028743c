// The Go peer for the end-to-end benchmark: the demo server's hello route on Go's net/http.
// Usage: hello ADDR   (GOMAXPROCS is set by whoever starts it)
package main

import (
	"fmt"
	"log"
	"net/http"
	"os"
)

func main() {
	mux := http.NewServeMux()
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/" {
			http.NotFound(w, r)
			return
		}
		fmt.Fprint(w, "Hello from nethttp!\n")
	})
	fmt.Println("serving on", os.Args[1])
	log.Fatal(http.ListenAndServe(os.Args[1], mux))
}
