package inmem_test

import (
	"testing"

	"kintsugi/app/inmem"
	"kintsugi/app/userdata"
	"kintsugi/app/userdata/storetest"
)

func TestStore(t *testing.T) {
	storetest.Run(t, func(t *testing.T) userdata.Store {
		return inmem.New()
	})
}
