// Command jsonstrings is the reference for the Java JSON writer's tests (nethttp.demo.JsonTest).
//
// Each line on stdin is one byte string in hex. For each, it writes one line on stdout: the hex
// of what Go's encoding/json Encoder, indented with two spaces, writes for a small value built
// from that string (a struct with the string as a field, as a map key and as list elements, beside
// fixed examples of nil and empty lists and maps).
// Hex on both sides keeps arbitrary bytes, including invalid UTF-8, intact across the pipe.
package main

import (
	"bufio"
	"bytes"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
)

type sample struct {
	S     string
	M     map[string][]string
	K     map[string][]string
	Nil   []string
	Empty map[string][]string
	N     int64
	B     bool
}

func main() {
	in := bufio.NewScanner(os.Stdin)
	in.Buffer(make([]byte, 1<<20), 1<<24)
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	for in.Scan() {
		s, err := hex.DecodeString(in.Text())
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		v := sample{
			S:     string(s),
			M:     map[string][]string{string(s): {string(s), ""}},
			K:     map[string][]string{"b": {}, "a": nil},
			Empty: map[string][]string{},
			N:     -1,
			B:     true,
		}
		var buf bytes.Buffer
		enc := json.NewEncoder(&buf)
		enc.SetIndent("", "  ")
		if err := enc.Encode(v); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		fmt.Fprintln(out, hex.EncodeToString(buf.Bytes()))
		out.Flush()
	}
}
