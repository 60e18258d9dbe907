//go:build js && wasm

package indexeddb

import (
	"testing"

	"kintsugi/app/userdata"
	"kintsugi/app/userdata/storetest"
)

func TestStore(t *testing.T) {
	storetest.Run(t, func(t *testing.T) userdata.Store {
		return mustOpen(t, testName(t), Options{})
	})
}
