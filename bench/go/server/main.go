// The Go peer of the load driver: the routes nethttp.bench.BenchServer serves, on Go's net/http.
// Usage: server ADDR   (GOMAXPROCS is set by whoever starts it)
//
//	/              the hello route
//	/body          reads the request body, then answers with it
//	/stream?kib=N  N KiB (default 1024) in 16 KiB writes, each flushed: a chunked response
package main

import (
	"fmt"
	"io"
	"log"
	"net/http"
	"os"
	"strconv"
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
	mux.HandleFunc("/body", func(w http.ResponseWriter, r *http.Request) {
		// Read to the end first: once a reply is flushed, net/http may close the request body.
		b, err := io.ReadAll(r.Body)
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		w.Header().Set("Content-Type", "application/octet-stream")
		w.Write(b)
	})
	piece := make([]byte, 16*1024)
	for i := range piece {
		piece[i] = 'a' + byte(i%26)
	}
	mux.HandleFunc("/stream", func(w http.ResponseWriter, r *http.Request) {
		kib, err := strconv.Atoi(r.URL.Query().Get("kib"))
		if err != nil || kib <= 0 {
			kib = 1024
		}
		w.Header().Set("Content-Type", "application/octet-stream")
		f := w.(http.Flusher)
		for left := kib * 1024; left > 0; left -= len(piece) {
			n := len(piece)
			if left < n {
				n = left
			}
			if _, err := w.Write(piece[:n]); err != nil {
				return
			}
			f.Flush()
		}
	})
	fmt.Println("serving on", os.Args[1])
	log.Fatal(http.ListenAndServe(os.Args[1], mux))
}
