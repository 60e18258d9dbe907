//go:build !js

package main

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"text/tabwriter"
)

// packageSizes builds app.wasm again, with the -gcflags make build passes
// but keeping its function names (make build strips them), and adds up the
// size of each function's code by the Go package it belongs to. Data
// (strings, type information, the runtime's function tables) is one more
// row.
func packageSizes(gcflags []string) (code map[string]int, data int, err error) {
	dir, err := os.MkdirTemp("", "kintsugi-wasmsize")
	if err != nil {
		return nil, 0, err
	}
	defer os.RemoveAll(dir)
	out := filepath.Join(dir, "app.wasm")
	args := append(append([]string{"build", "-trimpath"}, gcflags...), "-o", out, "./cmd/pwa")
	cmd := exec.Command("go", args...)
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	cmd.Stderr = os.Stderr
	if err := cmd.Run(); err != nil {
		return nil, 0, fmt.Errorf("build a named app.wasm: %w", err)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		return nil, 0, err
	}
	return wasmSizes(b)
}

// wasmSizes reads a WebAssembly module's import, code, data and name
// sections.
func wasmSizes(b []byte) (code map[string]int, data int, err error) {
	if len(b) < 8 || !bytes.Equal(b[:4], []byte("\x00asm")) {
		return nil, 0, errors.New("not a WebAssembly module")
	}
	r := bytes.NewReader(b[8:])
	imported := 0
	var bodies []int
	names := map[int]string{}
	for r.Len() > 0 {
		id, err := r.ReadByte()
		if err != nil {
			return nil, 0, err
		}
		size, err := binary.ReadUvarint(r)
		if err != nil {
			return nil, 0, err
		}
		section := make([]byte, size)
		if _, err := io.ReadFull(r, section); err != nil {
			return nil, 0, err
		}
		s := bytes.NewReader(section)
		switch id {
		case 2: // imports: functions among them come first in the index space
			n, _ := binary.ReadUvarint(s)
			for range n {
				skipName(s)
				skipName(s)
				kind, _ := s.ReadByte()
				if kind != 0 {
					break // Go imports only functions, then memory is its own
				}
				binary.ReadUvarint(s)
				imported++
			}
		case 10: // code
			n, _ := binary.ReadUvarint(s)
			for range n {
				sz, _ := binary.ReadUvarint(s)
				bodies = append(bodies, int(sz))
				s.Seek(int64(sz), io.SeekCurrent)
			}
		case 11: // data
			data += int(size)
		case 0: // custom: the name section
			if name := readName(s); name != "name" {
				continue
			}
			for s.Len() > 0 {
				sub, _ := s.ReadByte()
				subSize, _ := binary.ReadUvarint(s)
				if sub != 1 {
					s.Seek(int64(subSize), io.SeekCurrent)
					continue
				}
				n, _ := binary.ReadUvarint(s)
				for range n {
					idx, _ := binary.ReadUvarint(s)
					names[int(idx)] = readName(s)
				}
			}
		}
	}
	code = map[string]int{}
	for i, sz := range bodies {
		code[goPackage(names[imported+i])] += sz
	}
	return code, data, nil
}

func readName(r *bytes.Reader) string {
	n, _ := binary.ReadUvarint(r)
	b := make([]byte, n)
	io.ReadFull(r, b)
	return string(b)
}

func skipName(r *bytes.Reader) { readName(r) }

// goPackage returns the package part of a function's name in the wasm
// name section, where the Go linker writes "/" as "_": everything before
// the first dot, once past a leading domain such as "github.com_".
func goPackage(sym string) string {
	if sym == "" {
		return "(unnamed)"
	}
	start := 0
	if dot, us := strings.Index(sym, "."), strings.Index(sym, "_"); dot > 0 && us > dot && isDomainEnd(sym[dot+1:us]) {
		start = us // github.com_owner_repo_pkg.Func
	}
	if dot := strings.Index(sym[start:], "."); dot >= 0 {
		return sym[:start+dot]
	}
	return sym
}

// isDomainEnd reports whether s looks like the end of a domain name, such
// as "com" or "org".
func isDomainEnd(s string) bool {
	if len(s) < 2 || len(s) > 4 {
		return false
	}
	for _, r := range s {
		if r < 'a' || r > 'z' {
			return false
		}
	}
	return true
}

// printPackageSizes prints the largest packages by code size.
func printPackageSizes(out io.Writer, code map[string]int, data int) error {
	type row struct {
		pkg  string
		size int
	}
	var rows []row
	total := data
	for p, s := range code {
		rows = append(rows, row{p, s})
		total += s
	}
	sort.Slice(rows, func(i, j int) bool { return rows[i].size > rows[j].size })
	const shown = 24
	fmt.Fprintf(out, "\napp.wasm by Go package (uncompressed bytes of code; %d packages)\n\n", len(rows))
	tw := tabwriter.NewWriter(out, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "bytes\tshare\tpackage\t")
	other := 0
	for i, r := range rows {
		if i >= shown {
			other += r.size
			continue
		}
		fmt.Fprintf(tw, "%d\t%.1f%%\t%s\t\n", r.size, 100*float64(r.size)/float64(total), r.pkg)
	}
	fmt.Fprintf(tw, "%d\t%.1f%%\t%s\t\n", other, 100*float64(other)/float64(total), fmt.Sprintf("%d other packages", len(rows)-shown))
	fmt.Fprintf(tw, "%d\t%.1f%%\t%s\t\n", data, 100*float64(data)/float64(total), "data: strings, type information, function tables")
	return tw.Flush()
}
