//go:build js && wasm

package indexeddb

import (
	"bytes"
	"context"
	"encoding/base64"
	"fmt"
	"testing"
	"time"

	"kintsugi/app/backup"
	"kintsugi/app/userdata"
)

// benchRecords returns n journal records about n consecutive hours, with
// IDs prefixed by prefix and about 200 bytes of data each.
func benchRecords(prefix string, n int) []userdata.Record {
	start := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	recs := make([]userdata.Record, n)
	for i := range recs {
		date := start.Add(time.Duration(i) * time.Hour)
		recs[i] = userdata.Record{
			Kind: userdata.KindJournal, ID: fmt.Sprintf("%s-%06d", prefix, i),
			Date: date, Created: date, Updated: date,
			Data: []byte(fmt.Sprintf(`{"title":"Entry %d","text":"Today we talked for an hour. It was hard, and I noticed I could stay in the room when it got hard. %d","mood":%d}`, i, i, i%5)),
		}
	}
	return recs
}

func benchPut(b *testing.B, n int) {
	ctx := context.Background()
	s := mustOpen(b, testName(b), Options{})
	batches := make([][]userdata.Record, 0, 8)
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		b.StopTimer()
		if i >= len(batches) {
			batches = append(batches, benchRecords(fmt.Sprint(i), n))
		}
		recs := batches[i]
		b.StartTimer()
		if err := s.Put(ctx, recs...); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*n), "µs/record")
}

// BenchmarkPut1000 writes 1,000 new records in one transaction per
// operation.
func BenchmarkPut1000(b *testing.B) { benchPut(b, 1000) }

// BenchmarkPut10000 writes 10,000 new records in one transaction per
// operation.
func BenchmarkPut10000(b *testing.B) { benchPut(b, 10000) }

// BenchmarkListByDate reads from a database of 10,000 records through the
// by-kind-date index.
func BenchmarkListByDate(b *testing.B) {
	ctx := context.Background()
	s := mustOpen(b, testName(b), Options{})
	recs := benchRecords("r", 10000)
	if err := s.Put(ctx, recs...); err != nil {
		b.Fatal(err)
	}
	month := userdata.Query{From: recs[5000].Date, To: recs[5000].Date.AddDate(0, 1, 0)}
	tests := []struct {
		name string
		q    userdata.Query
		want int
	}{
		{"all-10000", userdata.Query{}, 10000},
		{"newest-all-10000", userdata.Query{Newest: true}, 10000},
		{"month-744", month, 744},
		{"newest-20", userdata.Query{Newest: true, Limit: 20}, 20},
	}
	for _, tc := range tests {
		b.Run(tc.name, func(b *testing.B) {
			for b.Loop() {
				got, err := s.List(ctx, userdata.KindJournal, tc.q)
				if err != nil {
					b.Fatal(err)
				}
				if len(got) != tc.want {
					b.Fatalf("List: got %d records, want %d", len(got), tc.want)
				}
			}
		})
	}
}

// BenchmarkAll10000 reads every record of a database of 10,000.
func BenchmarkAll10000(b *testing.B) {
	ctx := context.Background()
	s := mustOpen(b, testName(b), Options{})
	if err := s.Put(ctx, benchRecords("r", 10000)...); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		got, err := s.All(ctx)
		if err != nil {
			b.Fatal(err)
		}
		if len(got) != 10000 {
			b.Fatalf("All: got %d records, want 10000", len(got))
		}
	}
}

// BenchmarkExport10000 makes a backup file of 10,000 records, as "Download
// a backup" does: read everything, then encode it.
func BenchmarkExport10000(b *testing.B) {
	ctx := context.Background()
	s := mustOpen(b, testName(b), Options{})
	if err := s.Put(ctx, benchRecords("r", 10000)...); err != nil {
		b.Fatal(err)
	}
	var size int
	for b.Loop() {
		recs, err := s.All(ctx)
		if err != nil {
			b.Fatal(err)
		}
		data, err := backup.Encode(recs, time.Now())
		if err != nil {
			b.Fatal(err)
		}
		size = len(data)
	}
	b.ReportMetric(float64(size), "file-bytes")
}

// BenchmarkImport10000 restores a backup file of 10,000 records, as
// "Restore from a backup" does: decode and check the whole file, then
// replace everything in one transaction.
func BenchmarkImport10000(b *testing.B) {
	ctx := context.Background()
	s := mustOpen(b, testName(b), Options{})
	data, err := backup.Encode(benchRecords("r", 10000), time.Now())
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		bk, err := backup.Decode(data)
		if err != nil {
			b.Fatal(err)
		}
		if err := s.ReplaceAll(ctx, bk.Records); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRewrite10000 transforms the Data of every record of a
// database of 10,000 in one Rewrite, as turning the passphrase lock on or
// off does: read everything, transform each record, write everything back
// in the same transaction. Odd rounds seal each record's data (base64 in
// a wrapper object, standing in for encryption); even rounds unseal it.
func BenchmarkRewrite10000(b *testing.B) {
	ctx := context.Background()
	s := mustOpen(b, testName(b), Options{})
	if err := s.Put(ctx, benchRecords("r", 10000)...); err != nil {
		b.Fatal(err)
	}
	const prefix, suffix = `{"sealed":"`, `"}`
	transform := func(data []byte) ([]byte, error) {
		if sealed, ok := bytes.CutPrefix(data, []byte(prefix)); ok {
			return base64.StdEncoding.DecodeString(string(bytes.TrimSuffix(sealed, []byte(suffix))))
		}
		return []byte(prefix + base64.StdEncoding.EncodeToString(data) + suffix), nil
	}
	for b.Loop() {
		err := s.Rewrite(ctx, func(all []userdata.Record) (userdata.Changes, error) {
			if len(all) != 10000 {
				return userdata.Changes{}, fmt.Errorf("fn got %d records, want 10000", len(all))
			}
			for i := range all {
				data, err := transform(all[i].Data)
				if err != nil {
					return userdata.Changes{}, err
				}
				all[i].Data = data
			}
			return userdata.Changes{Put: all}, nil
		})
		if err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*10000), "µs/record")
}
