// Command echoserver is the reference side of the differential test suite: Go's own net/http
// serving the same four routes as the Java demo server (nethttp.demo.DemoRoutes), three more
// that exercise net/http's reply helpers, and one that sets non-ASCII header and trailer values
// (nethttp.differential.DifferentialRoutes).
//
// It listens on 127.0.0.1 with a port chosen by the kernel, prints "host:port" as the first
// line on stdout, and serves until it is killed. Build it with `go build main.go`; it needs no
// module and nothing outside the standard library.
//
// The flags -read-header-timeout, -read-timeout, -write-timeout and -idle-timeout set the
// server's four timeouts (Go durations such as 500ms; none by default).
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"strconv"
	"time"
)

// echoURL is the part of the parsed request target that /echo reports.
type echoURL struct {
	Scheme   string
	Host     string
	Path     string
	RawQuery string
	Opaque   string
}

// echo is what /echo answers: the request as the server understood it. The field order is the
// order of the JSON object, and the Java EchoHandler writes the same fields in the same order.
type echo struct {
	Method        string
	RequestURI    string
	URL           echoURL
	Proto         string
	Host          string
	ContentLength int64
	TE            []string
	Close         bool
	Header        http.Header
	Body          string
	BodyError     string
	Trailer       http.Header
}

func root(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path != "/" {
		http.NotFound(w, r)
		return
	}
	io.WriteString(w, "Hello from nethttp!\n")
}

func echoHandler(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json")
	body, err := io.ReadAll(r.Body)
	bodyError := ""
	if err != nil {
		bodyError = err.Error()
	}
	e := echo{
		Method:     r.Method,
		RequestURI: r.RequestURI,
		URL: echoURL{
			Scheme:   r.URL.Scheme,
			Host:     r.URL.Host,
			Path:     r.URL.Path,
			RawQuery: r.URL.RawQuery,
			Opaque:   r.URL.Opaque,
		},
		Proto:         r.Proto,
		Host:          r.Host,
		ContentLength: r.ContentLength,
		TE:            r.TransferEncoding,
		Close:         r.Close,
		Header:        r.Header,
		Body:          string(body),
		BodyError:     bodyError,
		// The trailer is complete only once the body has been read to its end.
		Trailer: r.Trailer,
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.Encode(e)
}

// queryInt reads a whole-number query parameter, falling back to def when it is missing,
// malformed or outside [min, max].
func queryInt(r *http.Request, name string, def, min, max int) int {
	n, err := strconv.Atoi(r.URL.Query().Get(name))
	if err != nil || n < min || n > max {
		return def
	}
	return n
}

func stream(w http.ResponseWriter, r *http.Request) {
	n := queryInt(r, "n", 5, 1, 100)
	delay := queryInt(r, "delay", 200, 0, 5000)
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	flusher, _ := w.(http.Flusher)
	for i := 1; i <= n; i++ {
		fmt.Fprintf(w, "chunk %d of %d\n", i, n)
		if flusher != nil {
			flusher.Flush()
		}
		if i < n {
			time.Sleep(time.Duration(delay) * time.Millisecond)
		}
	}
}

func slow(w http.ResponseWriter, r *http.Request) {
	delay := queryInt(r, "delay", 2000, 0, 10000)
	select {
	case <-time.After(time.Duration(delay) * time.Millisecond):
	case <-r.Context().Done():
		return
	}
	fmt.Fprintf(w, "slow response after %d ms\n", delay)
}

// errorPage answers every path under /error/ with http.Error and a message made of the
// request's own path bytes.
func errorPage(w http.ResponseWriter, r *http.Request) {
	http.Error(w, "no such page: "+r.URL.Path, http.StatusNotFound)
}

// redirect sends the client to the raw query, used as the target of http.Redirect.
func redirect(w http.ResponseWriter, r *http.Request) {
	http.Redirect(w, r, r.URL.RawQuery, http.StatusFound)
}

// headerText sets header and trailer values from two sources: text written in the program,
// which Go holds as UTF-8, and the bytes of the request's X-In header, which go back unchanged.
func headerText(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Trailer", "X-Trailer-Echo, X-Trailer-Text")
	w.Header().Set("X-Echo", r.Header.Get("X-In"))
	w.Header().Set("X-Text", "h\u00e9llo \u2603")
	io.WriteString(w, "body\n")
	w.Header().Set("X-Trailer-Echo", r.Header.Get("X-In"))
	w.Header().Set("X-Trailer-Text", "\u2603 caf\u00e9")
}

func main() {
	readHeaderTimeout := flag.Duration("read-header-timeout", 0, "the server's ReadHeaderTimeout")
	readTimeout := flag.Duration("read-timeout", 0, "the server's ReadTimeout")
	writeTimeout := flag.Duration("write-timeout", 0, "the server's WriteTimeout")
	idleTimeout := flag.Duration("idle-timeout", 0, "the server's IdleTimeout")
	flag.Parse()

	mux := http.NewServeMux()
	mux.HandleFunc("/", root)
	mux.HandleFunc("/echo", echoHandler)
	mux.HandleFunc("/stream", stream)
	mux.HandleFunc("/slow", slow)
	mux.HandleFunc("/error/", errorPage)
	mux.HandleFunc("/redirect", redirect)
	mux.HandleFunc("/header-text", headerText)
	mux.Handle("/semicolons", http.AllowQuerySemicolons(http.HandlerFunc(echoHandler)))

	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Println(l.Addr().String())
	srv := &http.Server{
		Handler:           mux,
		ReadHeaderTimeout: *readHeaderTimeout,
		ReadTimeout:       *readTimeout,
		WriteTimeout:      *writeTimeout,
		IdleTimeout:       *idleTimeout,
	}
	if err := srv.Serve(l); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
