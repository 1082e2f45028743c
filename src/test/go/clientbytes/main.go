// Command clientbytes records the exact bytes Go 1.19's http.Transport sends for a fixed list of
// requests, so that the Java transport can be compared with it byte for byte.
//
// It listens on 127.0.0.1 with a port chosen by the kernel, plays each scenario with a fresh
// zero-value Transport (plus the scenario's settings), and answers every request with a small
// canned response (a "100 Continue" first when the request expects one). For every connection
// it prints one line: scenario name, connection number, and the bytes received, base64-encoded.
// A request that fails prints a line with "err" and the error's text instead. The Java test
// (nethttp.transport.GoClientBytesTest) runs the same scenarios against the same recorder written
// in Java. Requests that fail without a connection (bad ports, unknown hosts, a refused
// connect) or on a connection the server breaks print one line each instead: "error", the
// case's name, and the error's text, base64-encoded. Lines that start with "default" give the
// settings of http.DefaultTransport.
//
// With the argument "responses", it plays the other side: it reads lines "name<TAB>base64" from
// its input, each the raw bytes of an HTTP response; for each it serves those bytes to one GET
// of a zero-value Transport and prints the name, the body read (base64) and the read error.
//
// With the argument "gzipserver", it is a Go net/http server on 127.0.0.1 (its address the first
// line it prints) whose /gzip route sends gzipped bodies made by Go's compress/gzip: "members"
// members (chunked, flushed one by one), then optionally "junk" as raw bytes, or with the last
// "cut" bytes left out.
//
// With the arguments "extrabytes N", it makes N tries of a server that sends junk right after
// a response without a body, each followed at once by a second request on the same Transport,
// and prints how many second requests failed.
package main

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

type recorder struct {
	ln       net.Listener
	mu       sync.Mutex
	conns    []*[]byte
	wg       sync.WaitGroup
	accepted chan struct{} // one value per connection accepted
}

// serve records every request on every connection until the listener closes.
func (r *recorder) serve() {
	for {
		c, err := r.ln.Accept()
		if err != nil {
			return
		}
		buf := new([]byte)
		r.mu.Lock()
		r.conns = append(r.conns, buf)
		r.mu.Unlock()
		r.wg.Add(1)
		go r.handle(c, buf)
		r.accepted <- struct{}{}
	}
}

func (r *recorder) handle(c net.Conn, buf *[]byte) {
	defer r.wg.Done()
	defer c.Close()
	br := bufio.NewReader(c)
	record := func(b []byte) {
		r.mu.Lock()
		*buf = append(*buf, b...)
		r.mu.Unlock()
	}
	for {
		var head []string
		for {
			line, err := br.ReadString('\n')
			if err != nil {
				return
			}
			record([]byte(line))
			if line == "\r\n" {
				break
			}
			head = append(head, strings.TrimRight(line, "\r\n"))
		}
		length, chunked, expect, closing := 0, false, false, false
		for _, h := range head[1:] {
			k, v, _ := strings.Cut(h, ": ")
			switch strings.ToLower(k) {
			case "content-length":
				length, _ = strconv.Atoi(v)
			case "transfer-encoding":
				chunked = v == "chunked"
			case "expect":
				expect = v == "100-continue"
			case "connection":
				closing = v == "close"
			}
		}
		if expect {
			io.WriteString(c, "HTTP/1.1 100 Continue\r\n\r\n")
		}
		if chunked {
			for {
				line, err := br.ReadString('\n')
				if err != nil {
					return
				}
				record([]byte(line))
				if line == "0\r\n" {
					// the trailer's fields, if any, then the blank line
					for {
						end, err := br.ReadString('\n')
						record([]byte(end))
						if err != nil || end == "\r\n" {
							break
						}
					}
					break
				}
				n, _ := strconv.ParseInt(strings.TrimRight(line, "\r\n"), 16, 64)
				data := make([]byte, n+2)
				io.ReadFull(br, data)
				record(data)
			}
		} else if length > 0 {
			data := make([]byte, length)
			io.ReadFull(br, data)
			record(data)
		}
		io.WriteString(c, "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok")
		if closing {
			return
		}
	}
}

// opaqueReader hides its type, so the client cannot learn the body's length.
type opaqueReader struct{ r io.Reader }

func (o opaqueReader) Read(p []byte) (int, error) { return o.r.Read(p) }

// brokenAfterOneWrite is a connection whose writes fail, with nothing written, after its first.
type brokenAfterOneWrite struct {
	net.Conn
	writes int
}

func (c *brokenAfterOneWrite) Write(p []byte) (int, error) {
	c.writes++
	if c.writes > 1 {
		return 0, errors.New("write: broken pipe")
	}
	return c.Conn.Write(p)
}

// failFirstConnAfterOneWrite makes the transport's first connection break after its first write.
func failFirstConnAfterOneWrite(t *http.Transport) {
	var dials int32
	t.DialContext = func(ctx context.Context, network, addr string) (net.Conn, error) {
		c, err := (&net.Dialer{}).DialContext(ctx, network, addr)
		if err == nil && atomic.AddInt32(&dials, 1) == 1 {
			return &brokenAfterOneWrite{Conn: c}, nil
		}
		return c, err
	}
}

type scenario struct {
	name      string
	configure func(t *http.Transport)
	requests  func(base string) []*http.Request
}

func newReq(method, url string, body io.Reader) *http.Request {
	req, err := http.NewRequest(method, url, body)
	if err != nil {
		panic(err)
	}
	req.Host = "example.com"
	return req
}

var scenarios = []scenario{
	{"get", nil, func(b string) []*http.Request { return []*http.Request{newReq("GET", b+"/path?q=1", nil)} }},
	{"two-gets-one-conn", nil, func(b string) []*http.Request {
		return []*http.Request{newReq("GET", b+"/one", nil), newReq("GET", b+"/two", nil)}
	}},
	{"post-length", nil, func(b string) []*http.Request {
		return []*http.Request{newReq("POST", b+"/form", strings.NewReader("hello"))}
	}},
	{"put-chunked", nil, func(b string) []*http.Request {
		return []*http.Request{newReq("PUT", b+"/up", opaqueReader{strings.NewReader("streamed body")})}
	}},
	{"own-accept-encoding", nil, func(b string) []*http.Request {
		r := newReq("GET", b+"/", nil)
		r.Header.Set("Accept-Encoding", "identity")
		r.Header.Set("X-Custom", "1")
		return []*http.Request{r}
	}},
	{"head", nil, func(b string) []*http.Request { return []*http.Request{newReq("HEAD", b+"/", nil)} }},
	{"range", nil, func(b string) []*http.Request {
		r := newReq("GET", b+"/", nil)
		r.Header.Set("Range", "bytes=0-1")
		return []*http.Request{r}
	}},
	{"disable-keep-alives", func(t *http.Transport) { t.DisableKeepAlives = true }, func(b string) []*http.Request {
		return []*http.Request{newReq("GET", b+"/a", nil), newReq("GET", b+"/b", nil)}
	}},
	{"disable-compression", func(t *http.Transport) { t.DisableCompression = true }, func(b string) []*http.Request {
		return []*http.Request{newReq("GET", b+"/", nil)}
	}},
	{"header-utf8", nil, func(b string) []*http.Request {
		r := newReq("GET", b+"/", nil)
		r.Header.Set("X-Text", "café")
		r.Header.Add("X-Text", "plain")
		r.Header.Set("X-Euro", "€uro 😀")
		return []*http.Request{r}
	}},
	{"trailer-utf8", nil, func(b string) []*http.Request {
		r := newReq("PUT", b+"/up", opaqueReader{strings.NewReader("streamed body")})
		r.Trailer = http.Header{}
		r.Trailer.Set("X-Sum", "café")
		r.Trailer.Set("X-Euro", "€uro 😀")
		return []*http.Request{r}
	}},
	{"url-utf8", nil, func(b string) []*http.Request {
		return []*http.Request{newReq("GET", b+"/café/€ x/%C3%A9?q=é&r=€ 😀#frag", nil)}
	}},
	{"host-idna", nil, func(b string) []*http.Request {
		r := newReq("GET", b+"/", nil)
		r.Host = "Bücher.example:8080"
		return []*http.Request{r}
	}},
	{"expect-continue", func(t *http.Transport) { t.ExpectContinueTimeout = 10 * time.Second }, func(b string) []*http.Request {
		r := newReq("POST", b+"/upload", strings.NewReader("body after 100"))
		r.Header.Set("Expect", "100-continue")
		return []*http.Request{r}
	}},
	{"retry-post-nothing-written", failFirstConnAfterOneWrite, func(b string) []*http.Request {
		return []*http.Request{newReq("GET", b+"/one", nil), newReq("POST", b+"/two", strings.NewReader("payload"))}
	}},
	{"body-longer-than-content-length", nil, func(b string) []*http.Request {
		r := newReq("POST", b+"/long", strings.NewReader("hello world"))
		r.ContentLength = 5
		return []*http.Request{r}
	}},
	{"body-shorter-than-content-length", nil, func(b string) []*http.Request {
		r := newReq("POST", b+"/short", strings.NewReader("hello world"))
		r.ContentLength = 20
		return []*http.Request{r}
	}},
}

// errorCases are requests that fail before a connection exists; their error texts are printed
// instead of bytes. The host under .invalid never resolves.
var errorCases = []struct{ name, url string }{
	{"port-out-of-range", "http://127.0.0.1:99999/"},
	{"port-out-of-range-ipv6", "http://[::1]:65536/x"},
	{"port-overflow", "http://127.0.0.1:99999999999999999999/"},
	{"unknown-host", "http://nothing.invalid/"},
	{"unknown-host-bad-port", "http://nothing.invalid:70000/"},
	{"unknown-host-text-url", "http://nothing.invalid/café?q=é€"},
	{"unknown-idna-host", "http://café.invalid/"},
}

// connCases are servers that break the connection: each reads a request's head, then does what
// its name says. The error the client reports (of the round trip, or else of reading the body)
// is printed as the error cases' are.
// "refused" has no server: its listener is closed before the client dials.
var connCases = []string{"reset-before-response", "reset-mid-body", "close-before-response", "refused"}

// playConnCase runs one conn case; proceed is closed once the client holds the response header.
func playConnCase(name string) error {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	defer ln.Close()
	proceed := make(chan struct{})
	go func() {
		c, err := ln.Accept()
		if err != nil {
			return
		}
		br := bufio.NewReader(c)
		for {
			line, err := br.ReadString('\n')
			if err != nil || line == "\r\n" {
				break
			}
		}
		switch name {
		case "close-before-response":
			c.Close()
			return
		case "reset-mid-body":
			io.WriteString(c, "HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n0123456789")
			<-proceed
		}
		c.(*net.TCPConn).SetLinger(0)
		c.Close()
	}()
	if name == "refused" {
		ln.Close()
	}
	c := &http.Client{Transport: &http.Transport{}}
	resp, err := c.Get("http://" + ln.Addr().String() + "/")
	close(proceed)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	_, err = io.ReadAll(resp.Body)
	return err
}

// printDefaults prints the settings of http.DefaultTransport that the Java transport has too,
// one line each: "default", the field's name, and its value as Go prints it, base64-encoded.
func printDefaults() {
	t := http.DefaultTransport.(*http.Transport)
	fields := []struct {
		name  string
		value any
	}{
		{"DisableKeepAlives", t.DisableKeepAlives},
		{"DisableCompression", t.DisableCompression},
		{"MaxIdleConns", t.MaxIdleConns},
		{"MaxIdleConnsPerHost", t.MaxIdleConnsPerHost},
		{"MaxConnsPerHost", t.MaxConnsPerHost},
		{"IdleConnTimeout", t.IdleConnTimeout},
		{"ResponseHeaderTimeout", t.ResponseHeaderTimeout},
		{"ExpectContinueTimeout", t.ExpectContinueTimeout},
		{"MaxResponseHeaderBytes", t.MaxResponseHeaderBytes},
		{"WriteBufferSize", t.WriteBufferSize},
		{"ReadBufferSize", t.ReadBufferSize},
	}
	for _, f := range fields {
		fmt.Printf("default\t%s\t%s\n", f.name, base64.StdEncoding.EncodeToString([]byte(fmt.Sprint(f.value))))
	}
}

func main() {
	if len(os.Args) > 1 && os.Args[1] == "responses" {
		responses()
		return
	}
	if len(os.Args) > 1 && os.Args[1] == "gzipserver" {
		gzipServer()
		return
	}
	if len(os.Args) > 2 && os.Args[1] == "extrabytes" {
		n, _ := strconv.Atoi(os.Args[2])
		fmt.Println(extraBytes(n))
		return
	}
	printDefaults()
	for _, e := range errorCases {
		c := &http.Client{Transport: &http.Transport{}}
		_, err := c.Get(e.url)
		if err == nil {
			fmt.Fprintln(os.Stderr, e.name, "did not fail")
			os.Exit(1)
		}
		fmt.Printf("error\t%s\t%s\n", e.name, base64.StdEncoding.EncodeToString([]byte(err.Error())))
	}
	for _, name := range connCases {
		err := playConnCase(name)
		if err == nil {
			fmt.Fprintln(os.Stderr, name, "did not fail")
			os.Exit(1)
		}
		fmt.Printf("error\t%s\t%s\n", name, base64.StdEncoding.EncodeToString([]byte(err.Error())))
	}
	for _, s := range scenarios {
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		rec := &recorder{ln: ln, accepted: make(chan struct{}, 64)}
		go rec.serve()
		tr := &http.Transport{}
		if s.configure != nil {
			s.configure(tr)
		}
		// A request that fails before it flushes anything leaves its connection unread: only
		// the number of dials tells the recorder to wait for it before it stops accepting.
		dials := 0
		dial := tr.DialContext
		if dial == nil {
			dial = (&net.Dialer{}).DialContext
		}
		tr.DialContext = func(ctx context.Context, network, addr string) (net.Conn, error) {
			c, err := dial(ctx, network, addr)
			if err == nil {
				rec.mu.Lock()
				dials++
				rec.mu.Unlock()
			}
			return c, err
		}
		for i, req := range s.requests("http://" + ln.Addr().String()) {
			resp, err := tr.RoundTrip(req)
			if err != nil {
				fmt.Printf("%s\terr%d\t%s\n", s.name, i, base64.StdEncoding.EncodeToString([]byte(err.Error())))
				continue
			}
			io.ReadAll(resp.Body)
			resp.Body.Close()
		}
		tr.CloseIdleConnections()
		rec.mu.Lock()
		dialed := dials
		rec.mu.Unlock()
		for i := 0; i < dialed; i++ {
			<-rec.accepted
		}
		ln.Close()
		rec.wg.Wait()
		for i, c := range rec.conns {
			fmt.Printf("%s\t%d\t%s\n", s.name, i, base64.StdEncoding.EncodeToString(*c))
		}
	}
}

// serveRaw answers every request on every connection of ln with the same raw bytes, and
// closes the connection after them.
func serveRaw(ln net.Listener, raw []byte) {
	for {
		c, err := ln.Accept()
		if err != nil {
			return
		}
		go func() {
			defer c.Close()
			br := bufio.NewReader(c)
			for {
				line, err := br.ReadString('\n')
				if err != nil {
					return
				}
				if line == "\r\n" {
					break
				}
			}
			c.Write(raw)
		}()
	}
}

func responses() {
	in := bufio.NewScanner(os.Stdin)
	in.Buffer(make([]byte, 1<<20), 1<<24)
	for in.Scan() {
		name, enc, _ := strings.Cut(in.Text(), "\t")
		raw, err := base64.StdEncoding.DecodeString(enc)
		if err != nil {
			panic(err)
		}
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			panic(err)
		}
		go serveRaw(ln, raw)
		tr := &http.Transport{}
		var body []byte
		msg := ""
		resp, err := tr.RoundTrip(newReq("GET", "http://"+ln.Addr().String()+"/", nil))
		if err != nil {
			msg = "roundtrip: " + err.Error()
		} else {
			body, err = io.ReadAll(resp.Body)
			if err != nil {
				msg = err.Error()
			}
			resp.Body.Close()
		}
		tr.CloseIdleConnections()
		ln.Close()
		fmt.Printf("%s\t%s\t%s\n", name, base64.StdEncoding.EncodeToString(body), msg)
	}
}

// extraBytes counts the second requests that fail when the first response is followed by junk.
func extraBytes(tries int) int {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		panic(err)
	}
	defer ln.Close()
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			go func() {
				defer c.Close()
				br := bufio.NewReader(c)
				for {
					first := false
					for {
						line, err := br.ReadString('\n')
						if err != nil {
							return
						}
						if strings.HasPrefix(line, "GET /first ") {
							first = true
						}
						if line == "\r\n" {
							break
						}
					}
					if first {
						io.WriteString(c, "HTTP/1.1 204 No Content\r\n\r\njunk after the response\r\n\r\n")
					} else {
						io.WriteString(c, "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok")
					}
				}
			}()
		}
	}()
	failed := 0
	for i := 0; i < tries; i++ {
		tr := &http.Transport{}
		for j, path := range []string{"/first", "/second"} {
			resp, err := tr.RoundTrip(newReq("GET", "http://"+ln.Addr().String()+path, nil))
			if err != nil {
				failed++
				break
			}
			b, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if j == 1 && !bytes.Equal(b, []byte("ok")) {
				failed++
			}
		}
		tr.CloseIdleConnections()
	}
	return failed
}

// gzipMemberText is the text of member i of the /gzip route.
func gzipMemberText(i int) string {
	return strings.Repeat(fmt.Sprintf("member %d, ", i), 300) + "\n"
}

func gzipServer() {
	mux := http.NewServeMux()
	mux.HandleFunc("/gzip", func(w http.ResponseWriter, r *http.Request) {
		members, _ := strconv.Atoi(r.URL.Query().Get("members"))
		cut, _ := strconv.Atoi(r.URL.Query().Get("cut"))
		var body bytes.Buffer
		w.Header().Set("Content-Encoding", "gzip")
		for i := 1; i <= members; i++ {
			zw := gzip.NewWriter(&body)
			io.WriteString(zw, gzipMemberText(i))
			zw.Close()
			if cut == 0 {
				w.Write(body.Bytes())
				body.Reset()
				w.(http.Flusher).Flush()
			}
		}
		if cut > 0 {
			w.Write(body.Bytes()[:body.Len()-cut])
		}
		io.WriteString(w, r.URL.Query().Get("junk"))
	})
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Println(l.Addr().String())
	if err := (&http.Server{Handler: mux}).Serve(l); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
